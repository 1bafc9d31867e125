/**
 * The style panel's colours, each with the name a screen reader says
 * ("Stroke: Red", not "#e03131"). Fills are lighter tints of the stroke
 * hues, so a filled shape's outline and text still read on it.
 */
export interface NamedColour {
  name: string;
  value: string;
}

export const STROKE_COLOURS: readonly NamedColour[] = [
  { name: 'Black', value: '#1e1e1e' },
  { name: 'Grey', value: '#868e96' },
  { name: 'Red', value: '#e03131' },
  { name: 'Orange', value: '#f08c00' },
  { name: 'Green', value: '#2f9e44' },
  { name: 'Blue', value: '#1971c2' },
  { name: 'Violet', value: '#9c36b5' },
  { name: 'White', value: '#ffffff' },
];

export const FILL_COLOURS: readonly NamedColour[] = [
  { name: 'None', value: 'none' },
  { name: 'Light grey', value: '#e9ecef' },
  { name: 'Light red', value: '#ffc9c9' },
  { name: 'Light yellow', value: '#ffec99' },
  { name: 'Light green', value: '#b2f2bb' },
  { name: 'Light blue', value: '#a5d8ff' },
  { name: 'Light violet', value: '#eebefa' },
  { name: 'White', value: '#ffffff' },
];

/** The palette's name for a colour, or "custom #abcdef" for one that came from elsewhere (a file, an older board). */
export function colourName(value: string): string {
  const found = [...STROKE_COLOURS, ...FILL_COLOURS].find((colour) => colour.value === value.toLowerCase());
  return found ? found.name : `custom ${value}`;
}
