/** Room names in one place: the publisher and the handshake must agree on them. */
export const rooms = {
  centreStaff: (centreId: string) => `centre:${centreId}:staff`,
  centreDisplays: (centreId: string) => `centre:${centreId}:display`,
  centreKiosks: (centreId: string) => `centre:${centreId}:kiosk`,
  /** Who watches a centre's alerts: its managers, and admins and viewers subscribed to it. */
  centreMonitors: (centreId: string) => `centre:${centreId}:monitor`,
  ticket: (publicId: string) => `ticket:${publicId}`,
  session: (sessionId: string) => `session:${sessionId}`,
  /** Every socket of one user (all sessions) or of one device: cut when it is disabled or revoked. */
  user: (userId: string) => `user:${userId}`,
  device: (deviceId: string) => `device:${deviceId}`,
};
