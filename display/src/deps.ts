import { createDisplayApi, type DisplayApi } from "./api.js";
import { openHallChannel, type OpenHallChannel } from "./live/hall-channel.js";
import type { KeyStorage } from "./pairing/device-key.js";
import { browserSoundPorts, type SoundPorts } from "./sound/useHallSound.js";

/** Everything the display needs from the outside world; tests pass fakes of each. */
export interface DisplayDeps {
  createApi(deviceKey: string): DisplayApi;
  openChannel: OpenHallChannel;
  storage: KeyStorage;
  sound: SoundPorts;
}

export function browserDeps(): DisplayDeps {
  return {
    createApi: (deviceKey) => createDisplayApi(deviceKey),
    openChannel: openHallChannel,
    storage: window.localStorage,
    sound: browserSoundPorts(),
  };
}
