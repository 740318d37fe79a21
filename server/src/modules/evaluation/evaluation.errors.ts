/** Error codes of the evaluation module. */
export type EvaluationErrorCode =
  | 'EVALUATION_SETTINGS_INVALID'
  | 'EVALUATION_PERIOD_INVALID'
  | 'EVALUATION_INDICATOR_UNKNOWN'
  | 'EVALUATION_BOARD_NOT_PUBLISHED';
