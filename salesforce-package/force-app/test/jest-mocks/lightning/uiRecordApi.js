// Only what Accord's components use from lightning/uiRecordApi.
export const notifyRecordUpdateAvailable = jest.fn().mockResolvedValue();
