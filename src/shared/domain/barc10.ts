// BARC-10, the Brief Assessment of Recovery Capital (Vilsaint et al., Drug and Alcohol Dependence 177,
// 2017). Ten statements on a 6-point agreement scale; total = sum, 10 to 60; higher = more recovery
// capital. In the validation study a total of 47 or more predicted sustained remission (over 12
// months). No other bands are defined, so none are invented here.

export const BARC10_STATEMENTS = [
  'There are more important things to me in life than using substances.',
  'In general I am happy with my life.',
  'I have enough energy to complete the tasks I set myself.',
  'I am proud of the community I live in and feel part of it.',
  'I get lots of support from friends.',
  'I regard my life as challenging and fulfilling without the need for using drugs or alcohol.',
  'My living space has helped to drive my recovery journey.',
  'I take full responsibility for my actions.',
  'I am happy dealing with a range of professional people.',
  'I am making good progress on my recovery journey.',
] as const;

export const BARC10_ITEM_COUNT = 10;
export const BARC10_ANSWER_MIN = 1;
export const BARC10_ANSWER_MAX = 6;
export const BARC10_TOTAL_MIN = 10;
export const BARC10_TOTAL_MAX = 60;

/** The 6-point scale: value → label. */
export const BARC10_SCALE = [
  { value: 1, label: 'strongly disagree' },
  { value: 2, label: 'disagree' },
  { value: 3, label: 'somewhat disagree' },
  { value: 4, label: 'somewhat agree' },
  { value: 5, label: 'agree' },
  { value: 6, label: 'strongly agree' },
] as const;
export type Barc10Answer = (typeof BARC10_SCALE)[number]['value'];

/** In the validation study a total of 47 or more predicted sustained remission over 12 months. */
export const BARC10_REFERENCE = 47;
export const BARC10_REFERENCE_MEANING =
  'In the validation study, a total of 47 or more predicted sustained remission.';

/** How often the assessment is prompted: one is due when none was completed in the last 30 days. */
export const BARC10_PROMPT_DAYS = 30;

export class Barc10Error extends Error {}

/** Whether these are exactly ten whole numbers from 1 to 6. */
export function isValidBarc10Answers(answers: unknown): answers is Barc10Answer[] {
  return (
    Array.isArray(answers) &&
    answers.length === BARC10_ITEM_COUNT &&
    answers.every(
      (a) => typeof a === 'number' && Number.isInteger(a) && a >= BARC10_ANSWER_MIN && a <= BARC10_ANSWER_MAX,
    )
  );
}

/** The total (10–60). Refuses anything but exactly ten whole numbers from 1 to 6. */
export function scoreBarc10(answers: readonly number[]): number {
  if (!isValidBarc10Answers(answers)) {
    throw new Barc10Error('BARC-10 needs exactly ten answers, each a whole number from 1 to 6.');
  }
  return answers.reduce((sum, a) => sum + a, 0);
}

/** Whether a total reaches the 47 reference of the validation study. */
export const reachesBarc10Reference = (total: number) => total >= BARC10_REFERENCE;
