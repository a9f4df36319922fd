/**
 * A filter as a compact select: its name is its accessible label, its first option says "every
 * value" ("All protocols"), and the rest are the values to narrow to.
 */
export function FilterSelect<T extends string>({
  label,
  value,
  any,
  options,
  onChange,
}: {
  label: string;
  value: T;
  /** The "every value" option: its value and its text. */
  any: { value: T; label: string };
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <select
      className="select"
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value as T)}
    >
      <option value={any.value}>{any.label}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
