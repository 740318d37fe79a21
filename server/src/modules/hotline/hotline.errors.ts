export type HotlineErrorCode =
  /** No hotline order for that case, or outside the caller's jurisdiction. */
  | 'HOTLINE_ORDER_NOT_FOUND'
  /** An extension asked for after the hotline's deadline (or the handling deadline). */
  | 'HOTLINE_EXTENSION_TOO_LATE'
  /** A reply from a unit in a state where none can be recorded, or after acceptance. */
  | 'HOTLINE_REPLY_NOT_ALLOWED'
  /** A review with no reply awaiting one. */
  | 'HOTLINE_REPLY_NOT_PENDING'
  /** Closing a hotline order whose reply the desk has not accepted. */
  | 'HOTLINE_REPLY_NOT_ACCEPTED'
  /** A callback on an order that is not closed. */
  | 'HOTLINE_CALLBACK_NOT_ALLOWED'
  /** A reopen without an unsatisfied, valid callback the unit caused since the closure. */
  | 'HOTLINE_REOPEN_NOT_ALLOWED';
