import { deviceKeyStore, type DeviceKeyStore, type KeyStorage } from "@dost/shared/client";

export type { KeyStorage };

/** The display's device key, in the storage its deps give (localStorage, or a fake in tests). */
export const displayKey = (storage: KeyStorage): DeviceKeyStore =>
  deviceKeyStore("dost.display.deviceKey", () => storage);
