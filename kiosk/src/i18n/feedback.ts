import type { FeedbackReason } from "@dost/shared";

/** The status page's question after the visit: a score, optional reasons and a comment. */
export interface FeedbackMessages {
  heading: string;
  scoreLegend: string;
  scores: Record<1 | 2 | 3 | 4 | 5, string>;
  reasonsLegend: string;
  reasons: Record<FeedbackReason, string>;
  commentLabel: string;
  commentHint: string;
  send: string;
  sending: string;
  chooseScore: string;
  thanks: string;
  closed: string;
  failed: string;
}

export const azFeedback: FeedbackMessages = {
  heading: "Xidmətdən razı qaldınızmı?",
  scoreLegend: "Ziyarətinizi 1-dən 5-ə qədər qiymətləndirin",
  scores: { 1: "1 — çox pis", 2: "2 — pis", 3: "3 — orta", 4: "4 — yaxşı", 5: "5 — əla" },
  reasonsLegend: "Nə daha yaxşı ola bilərdi? (istəyə görə)",
  reasons: {
    wait_too_long: "Çox gözlədim",
    staff: "Əməkdaşın davranışı",
    documents: "Sənədlər barədə məlumat",
    hall: "Zal və şərait",
    information: "İzahat və məlumat",
    other: "Başqa",
  },
  commentLabel: "Şərh (istəyə görə)",
  commentHint: "Telefon nömrəsi və ya FİN yazmayın.",
  send: "Göndər",
  sending: "Göndərilir…",
  chooseScore: "Əvvəlcə qiymət seçin.",
  thanks: "Təşəkkür edirik! Rəyiniz qeydə alındı.",
  closed: "Bu ziyarəti artıq qiymətləndirmək mümkün deyil.",
  failed: "Rəyi göndərmək alınmadı. Yenidən cəhd edin.",
};

export const ruFeedback: FeedbackMessages = {
  heading: "Довольны ли вы обслуживанием?",
  scoreLegend: "Оцените визит от 1 до 5",
  scores: { 1: "1 — очень плохо", 2: "2 — плохо", 3: "3 — средне", 4: "4 — хорошо", 5: "5 — отлично" },
  reasonsLegend: "Что можно улучшить? (по желанию)",
  reasons: {
    wait_too_long: "Долгое ожидание",
    staff: "Отношение сотрудника",
    documents: "Сведения о документах",
    hall: "Зал и условия",
    information: "Объяснения и информация",
    other: "Другое",
  },
  commentLabel: "Комментарий (по желанию)",
  commentHint: "Не пишите номер телефона или ФИН.",
  send: "Отправить",
  sending: "Отправляем…",
  chooseScore: "Сначала выберите оценку.",
  thanks: "Спасибо! Ваш отзыв сохранён.",
  closed: "Этот визит уже нельзя оценить.",
  failed: "Не удалось отправить отзыв. Попробуйте ещё раз.",
};

export const enFeedback: FeedbackMessages = {
  heading: "Were you satisfied with the service?",
  scoreLegend: "Rate your visit from 1 to 5",
  scores: { 1: "1 — very poor", 2: "2 — poor", 3: "3 — fair", 4: "4 — good", 5: "5 — excellent" },
  reasonsLegend: "What could be better? (optional)",
  reasons: {
    wait_too_long: "I waited too long",
    staff: "How the employee treated me",
    documents: "Information on documents",
    hall: "The hall and its comfort",
    information: "Explanations and information",
    other: "Something else",
  },
  commentLabel: "Comment (optional)",
  commentHint: "Please do not write a phone number or a FIN.",
  send: "Send",
  sending: "Sending…",
  chooseScore: "Please choose a score first.",
  thanks: "Thank you! Your rating has been recorded.",
  closed: "This visit can no longer be rated.",
  failed: "The rating could not be sent. Please try again.",
};
