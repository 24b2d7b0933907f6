/** One option of a select. */
export interface Choice {
  value: string;
  label: string;
}

/** Options under one heading; a group without a label is plain options. */
export interface ChoiceGroup {
  label?: string | undefined;
  choices: readonly Choice[];
}
