import { createDisplayApi, exchangePairingCode, type DisplayApi, type PairedDevice } from "./api.js";
import { openHallChannel, type OpenHallChannel } from "./live/hall-channel.js";
import type { KeyStorage } from "./pairing/device-key.js";
import { browserSoundPorts, type SoundPorts } from "./sound/useHallSound.js";

/** Everything the display needs from the outside world; tests pass fakes of each. */
export interface DisplayDeps {
  createApi(deviceKey: string): DisplayApi;
  /** Trades a one-time pairing code for this device's key (POST /devices/pair). */
  pairDevice(code: string): Promise<PairedDevice>;
  openChannel: OpenHallChannel;
  storage: KeyStorage;
  sound: SoundPorts;
}

export function browserDeps(): DisplayDeps {
  return {
    createApi: (deviceKey) => createDisplayApi(deviceKey),
    pairDevice: (code) => exchangePairingCode(code),
    openChannel: openHallChannel,
    storage: window.localStorage,
    sound: browserSoundPorts(),
  };
}
