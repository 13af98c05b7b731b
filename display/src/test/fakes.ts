import type { Centre, Device, DisplayState, LocalizedText, TicketCalled } from "@dost/shared";
import { vi } from "vitest";
import type { DisplayApi } from "../api.js";
import type { DisplayDeps } from "../deps.js";
import type { HallChannel, HallListener, OpenHallChannel } from "../live/hall-channel.js";
import type { KeyStorage } from "../pairing/device-key.js";
import type { HallAudioContext, SoundPorts } from "../sound/useHallSound.js";

export const CENTRE: Centre = {
  id: "11111111-1111-4111-8111-111111111111",
  code: "BAKU-1",
  name: { az: "DOST mərkəzi №1 (Bakı)", ru: "Центр DOST №1 (Баку)", en: "DOST centre No. 1 (Baku)" },
  timezone: "Asia/Baku",
};

export const DISPLAY_DEVICE: Device = {
  id: "22222222-2222-4222-8222-222222222222",
  centreId: CENTRE.id,
  kind: "display",
  name: "Hall display",
};

let serial = 0;

/** A ticket:called payload; each call gets its own ticket unless one is given. */
export function calledEvent(
  code: string,
  counter: { label: string; zone?: string },
  overrides: Partial<TicketCalled> = {},
): TicketCalled {
  serial += 1;
  return {
    centreId: CENTRE.id,
    ticketId: `33333333-3333-4333-8333-${String(serial).padStart(12, "0")}`,
    code,
    serviceId: "44444444-4444-4444-8444-444444444444",
    counter: {
      id: "55555555-5555-4555-8555-555555555555",
      label: counter.label,
      zone: counter.zone ?? "ground",
    },
    calledAt: new Date(Date.now() + serial).toISOString(),
    recall: false,
    ...overrides,
  };
}

/** A socket stand-in: the test plays the server, calling the listener's methods. */
export function fakeChannel() {
  const state: { listener: HallListener | null; opened: number; closed: number } = {
    listener: null,
    opened: 0,
    closed: 0,
  };
  const open: OpenHallChannel = (_key, listener): HallChannel => {
    state.listener = listener;
    state.opened += 1;
    return {
      close() {
        state.listener = null;
        state.closed += 1;
      },
    };
  };
  const server = (): HallListener => {
    if (!state.listener) throw new Error("the channel is not open");
    return state.listener;
  };
  return { open, server, state };
}

/** A display API serving a mutable display-state. */
export function fakeApi(options: { device?: Device; centre?: Centre } = {}) {
  const state: { recentCalls: TicketCalled[]; displayMessage: LocalizedText | null } = {
    recentCalls: [],
    displayMessage: null,
  };
  const api = {
    device: vi.fn(async (): Promise<Device> => options.device ?? DISPLAY_DEVICE),
    centre: vi.fn(async (): Promise<Centre> => options.centre ?? CENTRE),
    displayState: vi.fn(async (): Promise<DisplayState> => ({
      centreId: CENTRE.id,
      recentCalls: [...state.recentCalls],
      services: [],
      displayMessage: state.displayMessage,
    })),
  } satisfies DisplayApi;
  return { api, state };
}

export function memoryStorage(
  initial: Record<string, string> = {},
): KeyStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const audioParam = () => ({ value: 0, setValueAtTime() {}, exponentialRampToValueAtTime() {} });
const audioNode = () => ({
  connect<T>(next: T): T {
    return next;
  },
  disconnect() {},
});

/** Sound that records what the hall would hear; the AudioContext can start out blocked. */
export function fakeSound(options: { blocked?: boolean } = {}) {
  const heard: string[] = [];
  const chimes = { count: 0 };
  const context = {
    state: (options.blocked ? "suspended" : "running") as AudioContextState,
    currentTime: 0,
    destination: audioNode(),
    resume: vi.fn(() => (options.blocked ? new Promise<void>(() => {}) : Promise.resolve())),
    close: vi.fn(() => Promise.resolve()),
    createGain: () => ({ ...audioNode(), gain: audioParam() }),
    createOscillator: () => {
      chimes.count += 1;
      return { ...audioNode(), type: "sine", frequency: audioParam(), onended: null, start() {}, stop() {} };
    },
  };
  const ports: SoundPorts = {
    createAudioContext: () => context as unknown as HallAudioContext,
    speak: async (text) => {
      heard.push(text);
    },
    primeSpeech: vi.fn(),
  };
  return { ports, heard, context, chimes };
}

export function fakeDeps(overrides: Partial<DisplayDeps> = {}) {
  const channel = fakeChannel();
  const { api, state } = fakeApi();
  const sound = fakeSound();
  const deps: DisplayDeps = {
    createApi: () => api,
    pairDevice: vi.fn(() => Promise.reject(new Error("no pairing code expected"))),
    openChannel: channel.open,
    storage: memoryStorage({ "dost.display.deviceKey": "demo-display-BAKU-1" }),
    sound: sound.ports,
    ...overrides,
  };
  return { deps, channel, api, state, sound };
}
