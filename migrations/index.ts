import { OfficesAndTokens1764000000000 } from './1764000000000-offices-and-tokens';
import { ScheduleVersions1764000100000 } from './1764000100000-schedule-versions';
import { Evidence1764000200000 } from './1764000200000-evidence';
import { Deviations1764000300000 } from './1764000300000-deviations';
import { AuditRuns1764000400000 } from './1764000400000-audit-runs';
import { ClosureTimesBothOrNeither1764000500000 } from './1764000500000-closure-times-both-or-neither';
import { ServiceInstances1764000600000 } from './1764000600000-service-instances';
import { DistrictFindings1764000610000 } from './1764000610000-district-findings';
import { IdempotencyKeys1764000700000 } from './1764000700000-idempotency-keys';
import { MissedNights1764000800000 } from './1764000800000-missed-nights';
import { BrowserSessions1764000900000 } from './1764000900000-browser-sessions';
import { CorrectiveActions1764200000000 } from './1764200000000-corrective-actions';
import { Notifications1764200100000 } from './1764200100000-notifications';
import { Surveys1764300000000 } from './1764300000000-surveys';
import { OfficeRegisters1764410000000 } from './1764410000000-office-registers';
import { CooperationRegisters1764420000000 } from './1764420000000-cooperation-registers';
import { CatalogVersions1764430000000 } from './1764430000000-catalog-versions';
import { SurveyActions1764440000000 } from './1764440000000-survey-actions';
import { CompactFindings1764450000000 } from './1764450000000-compact-findings';
import { ChangeNotifications1764500000000 } from './1764500000000-change-notifications';
import { SessionChangeNotifications1764600000000 } from './1764600000000-session-change-notifications';
import { OfficeNameKeys1764700000000 } from './1764700000000-office-name-keys';

/**
 * Every migration, in order. Listed explicitly (no glob) so that the compiled service, the CLI and
 * the jest harness load exactly the same set.
 */
export const MIGRATIONS = [OfficesAndTokens1764000000000, ScheduleVersions1764000100000, Evidence1764000200000, Deviations1764000300000, AuditRuns1764000400000, ClosureTimesBothOrNeither1764000500000, ServiceInstances1764000600000, DistrictFindings1764000610000, IdempotencyKeys1764000700000, MissedNights1764000800000, BrowserSessions1764000900000, CorrectiveActions1764200000000, Notifications1764200100000, Surveys1764300000000, OfficeRegisters1764410000000, CooperationRegisters1764420000000, CatalogVersions1764430000000, SurveyActions1764440000000, CompactFindings1764450000000, ChangeNotifications1764500000000, SessionChangeNotifications1764600000000, OfficeNameKeys1764700000000];
