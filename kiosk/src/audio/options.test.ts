import { describe, expect, it } from "vitest";
import { audioOptions, optionSpeech, stepOption } from "./options.js";

function page() {
  document.body.innerHTML = `
    <header><nav class="language-switch"><button lang="az">Azərbaycanca</button><button lang="ru">Русский</button></nav></header>
    <main>
      <h1 tabindex="-1">Choose a service</h1>
      <button data-audio-skip>Audio mode</button>
      <button data-speak="Pension. 4 people waiting.">Pension <span>Waiting: 4</span></button>
      <button disabled>Busy</button>
      <button aria-label="Jobs, nobody waiting">Jobs</button>
      <button>Back</button>
    </main>`;
  return document.body;
}

const names = (elements: (Element | null)[]) => elements.map((e) => e?.textContent?.trim());

describe("the audio options", () => {
  it("are the screen's enabled buttons, with the languages first where they may be chosen", () => {
    const root = page();
    expect(names(audioOptions(root, false))).toEqual(["Pension Waiting: 4", "Jobs", "Back"]);
    expect(names(audioOptions(root, true))).toEqual([
      "Azərbaycanca",
      "Русский",
      "Pension Waiting: 4",
      "Jobs",
      "Back",
    ]);
  });

  it("are stepped through by the arrows, wrapping at either end, from the heading to the choice below it", () => {
    const root = page();
    const options = audioOptions(root, true);
    const heading = root.querySelector("h1");
    expect(names([stepOption(options, heading, 1)])).toEqual(["Pension Waiting: 4"]);
    expect(names([stepOption(options, heading, -1)])).toEqual(["Русский"]);
    expect(names([stepOption(options, options[4] ?? null, 1)])).toEqual(["Azərbaycanca"]);
    expect(names([stepOption(options, options[0] ?? null, -1)])).toEqual(["Back"]);
    expect(names([stepOption(options, null, 1)])).toEqual(["Azərbaycanca"]);
    expect(stepOption([], heading, 1)).toBeNull();
  });

  it("say what was written for the ear, else the label or the words, in the option's own language", () => {
    const root = page();
    const [az, ru, pension, jobs, back] = audioOptions(root, true) as HTMLElement[];
    expect(optionSpeech(az as HTMLElement, "en")).toEqual({ text: "Azərbaycanca", lang: "az" });
    expect(optionSpeech(ru as HTMLElement, "en")).toEqual({ text: "Русский", lang: "ru" });
    expect(optionSpeech(pension as HTMLElement, "en")).toEqual({
      text: "Pension. 4 people waiting.",
      lang: "en",
    });
    expect(optionSpeech(jobs as HTMLElement, "en").text).toBe("Jobs, nobody waiting");
    expect(optionSpeech(back as HTMLElement, "ru")).toEqual({ text: "Back", lang: "ru" });
  });
});
