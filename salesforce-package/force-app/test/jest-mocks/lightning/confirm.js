// lightning/confirm: LightningConfirm.open resolves true (confirmed) unless a test says otherwise.
export default class LightningConfirm {
    static open = jest.fn().mockResolvedValue(true);
}
