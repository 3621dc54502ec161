/** A NumberInput for counts (canary size, hours): anything but a whole number reads as 0, which the form refuses. */
import { NumberInput } from '@hubspot/ui-extensions';

interface WholeNumberInputProps {
  testId: string;
  label: string;
  name: string;
  min: number;
  max: number;
  value: number;
  onChange: (value: number) => void;
}

export function WholeNumberInput({ onChange, ...props }: WholeNumberInputProps) {
  return <NumberInput {...props} onChange={(value) => onChange(Number.isInteger(value) ? value : 0)} />;
}
