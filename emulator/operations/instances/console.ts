/** The emulator's console page of an instance (served by the control app). */
export const consolePath = (ecsId: string) => `/_emulator/vnc/${encodeURIComponent(ecsId)}`;
