/** Room names in one place: the publisher and the handshake must agree on them. */
export const rooms = {
  centreStaff: (centreId: string) => `centre:${centreId}:staff`,
  centreDisplays: (centreId: string) => `centre:${centreId}:display`,
  centreKiosks: (centreId: string) => `centre:${centreId}:kiosk`,
  ticket: (publicId: string) => `ticket:${publicId}`,
  session: (sessionId: string) => `session:${sessionId}`,
};
