/**
 * The IATI code lists the exports use (IATI Standard 2.03, codelists at iatistandard.org): only the codes
 * this system can emit, so a setting or an export outside them is refused by the rules (iati-rules.ts).
 */

/** OECD DAC 5-digit purpose codes (vocabulary 1) a fund may map its service lines to. */
export const DAC5_SECTORS: Readonly<Record<string, string>> = {
  '11110': 'Education policy and administrative management',
  '11220': 'Primary education',
  '11230': 'Basic life skills for adults',
  '11330': 'Vocational training',
  '12110': 'Health policy and administrative management',
  '12220': 'Basic health care',
  '12261': 'Health education',
  '12340': 'Promotion of mental health and well-being',
  '15110': 'Public sector policy and administrative management',
  '15130': 'Legal and judicial development',
  '15150': 'Democratic participation and civil society',
  '15160': 'Human rights',
  '15170': "Women's rights organisations and movements, and government institutions",
  '15180': 'Ending violence against women and girls',
  '15190': 'Facilitation of orderly, safe, regular and responsible migration and mobility',
  '16010': 'Social protection',
  '16015': 'Social services (incl youth development and women+ children)',
  '16020': 'Employment creation',
  '16050': 'Multisector aid for basic social services',
  '16070': 'Labour rights',
  '72010': 'Material relief assistance and services',
  '72050': 'Relief co-ordination and support services',
  '73010': 'Immediate post-emergency reconstruction and rehabilitation',
  '93010': 'Refugees/asylum seekers in donor countries',
  '99810': 'Sectors not specified',
};

/** The service lines of the fund (the calls' themes) and the DAC code each maps to unless the fund says. */
export const DEFAULT_SECTORS: Readonly<Record<string, string>> = {
  shelter: '16015',
  psychological_support: '12340',
  legal_aid: '15130',
  education_training: '11330',
  health_care: '12220',
  stipends: '16010',
};
export const SERVICE_LINES = Object.keys(DEFAULT_SECTORS);

/** ActivityStatus. */
export const ACTIVITY_STATUS = { implementation: '2', closed: '4', cancelled: '5' } as const;
export const ACTIVITY_STATUSES: readonly string[] = ['1', '2', '3', '4', '5', '6'];

/** ActivityDateType. */
export const ACTIVITY_DATE = {
  plannedStart: '1',
  actualStart: '2',
  plannedEnd: '3',
  actualEnd: '4',
} as const;

/** TransactionType (2.03). */
export const TRANSACTION = { incomingFunds: '1', commitment: '2', disbursement: '3' } as const;
export const TRANSACTION_TYPES: readonly string[] = [
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '10',
  '11',
  '12',
  '13',
];

/** OrganisationRole and OrganisationType. */
export const ORG_ROLE = { funding: '1', implementing: '4' } as const;
export const ORG_TYPES: readonly string[] = [
  '10',
  '11',
  '15',
  '21',
  '22',
  '23',
  '24',
  '30',
  '40',
  '60',
  '70',
  '71',
  '72',
  '73',
  '80',
  '90',
];
/** The type of an NGO that implements a grant: a national NGO (22 is international, 23 regional). */
export const NGO_TYPE = '24';

/** BudgetType 1 original, BudgetStatus 2 committed. */
export const BUDGET = { original: '1', committed: '2', indicative: '1' } as const;

export const SECTOR_VOCABULARY_DAC5 = '1';

export type SensitivePolicy = 'exclude' | 'redact';
export const SENSITIVE_POLICIES: readonly SensitivePolicy[] = ['exclude', 'redact'];
