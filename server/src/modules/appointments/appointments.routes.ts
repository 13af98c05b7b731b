import {
  appointmentCodeParamsSchema,
  appointmentListQuerySchema,
  appointmentResponseSchema,
  appointmentsResponseSchema,
  bookAppointmentBodySchema,
  calendarQuerySchema,
  calendarResponseSchema,
  cancelAppointmentBodySchema,
  centreParamsSchema,
  checkInBodySchema,
  rescheduleBodySchema,
  slotParamsSchema,
  slotsQuerySchema,
  slotsResponseSchema,
  ticketResponseSchema,
} from "@dost/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { centreIdOf, principalOf } from "../../core/access.js";
import { perDeviceLimit } from "../../core/rate-limit.js";
import type { AppointmentService } from "./appointments.service.js";

export const appointmentRoutes: FastifyPluginAsyncZod<{
  appointments: AppointmentService;
  publicPerMinute: number;
  bookingPerMinute: number;
  devicePerMinute: number;
}> = async (app, { appointments, publicPerMinute, bookingPerMinute, devicePerMinute }) => {
  const lookups = { max: publicPerMinute, timeWindow: 60_000 };
  const changes = { max: bookingPerMinute, timeWindow: 60_000 };

  app.get(
    "/centres/:centreId/services/:serviceId/slots",
    {
      config: { access: { public: true }, rateLimit: lookups },
      schema: {
        tags: ["appointments"],
        params: slotParamsSchema,
        querystring: slotsQuerySchema,
        response: { 200: slotsResponseSchema },
      },
    },
    async (request) => ({
      slots: await appointments.slots(request.params.centreId, request.params.serviceId, request.query.date),
    }),
  );

  app.get(
    "/centres/:centreId/services/:serviceId/calendar",
    {
      config: { access: { public: true }, rateLimit: lookups },
      schema: {
        tags: ["appointments"],
        params: slotParamsSchema,
        querystring: calendarQuerySchema,
        response: { 200: calendarResponseSchema },
      },
    },
    async (request) => ({
      days: await appointments.calendar(
        request.params.centreId,
        request.params.serviceId,
        request.query.from,
        request.query.days,
      ),
    }),
  );

  app.post(
    "/appointments",
    {
      config: { access: { public: true }, rateLimit: changes },
      schema: {
        tags: ["appointments"],
        body: bookAppointmentBodySchema,
        response: { 201: appointmentResponseSchema },
      },
    },
    async (request, reply) => reply.code(201).send({ appointment: await appointments.book(request.body) }),
  );

  app.get(
    "/appointments/:code",
    {
      config: { access: { public: true }, rateLimit: lookups },
      schema: {
        tags: ["appointments"],
        params: appointmentCodeParamsSchema,
        response: { 200: appointmentResponseSchema },
      },
    },
    async (request) => ({ appointment: await appointments.get(request.params.code) }),
  );

  app.get(
    "/appointments/:code/calendar.ics",
    {
      config: { access: { public: true }, rateLimit: lookups },
      schema: { tags: ["appointments"], params: appointmentCodeParamsSchema },
    },
    async (request, reply) =>
      reply
        .type("text/calendar; charset=utf-8")
        .header("content-disposition", `attachment; filename="dost-${request.params.code}.ics"`)
        .send(await appointments.ics(request.params.code)),
  );

  app.post(
    "/appointments/:code/cancel",
    {
      config: { access: { public: true }, rateLimit: changes },
      schema: {
        tags: ["appointments"],
        params: appointmentCodeParamsSchema,
        body: cancelAppointmentBodySchema,
        response: { 200: appointmentResponseSchema },
      },
    },
    async (request) => ({
      appointment: await appointments.cancel(request.params.code, request.body.phoneLast4),
    }),
  );

  app.post(
    "/appointments/:code/reschedule",
    {
      config: { access: { public: true }, rateLimit: changes },
      schema: {
        tags: ["appointments"],
        params: appointmentCodeParamsSchema,
        body: rescheduleBodySchema,
        response: { 200: appointmentResponseSchema },
      },
    },
    async (request) => ({
      appointment: await appointments.reschedule(
        request.params.code,
        request.body.start,
        request.body.phoneLast4,
      ),
    }),
  );

  app.post(
    "/centres/:centreId/check-in",
    {
      config: {
        access: { audience: ["kiosk", "staff", "volunteer"], centre: "param" },
        // Also bounds guessing appointment codes with a leaked key.
        rateLimit: perDeviceLimit(devicePerMinute),
      },
      schema: {
        tags: ["appointments"],
        params: centreParamsSchema,
        body: checkInBodySchema,
        response: { 200: ticketResponseSchema, 201: ticketResponseSchema },
      },
    },
    async (request, reply) => {
      const { ticket, created } = await appointments.checkIn(
        principalOf(request),
        centreIdOf(request),
        request.body.code,
        request.ip,
      );
      return reply.code(created ? 201 : 200).send({ ticket });
    },
  );

  app.get(
    "/centres/:centreId/appointments",
    {
      config: { access: { audience: ["staff"], centre: "param" } },
      schema: {
        tags: ["appointments"],
        params: centreParamsSchema,
        querystring: appointmentListQuerySchema,
        response: { 200: appointmentsResponseSchema },
      },
    },
    async (request) => ({
      appointments: await appointments.listOfDay(centreIdOf(request), request.query.date),
    }),
  );
};
