/** The description of every report's `dataAsOf` field (ADR 0015). */
export const DATA_AS_OF =
  'the moment the figures are as of: the time of the read, or, when reports are read from a replica that ' +
  'lags behind, the commit time of the last transaction it had replayed';
