import type { CaseState } from '@common/workflow';
import type { ClockStage } from '../../../api/types';

/** Which stage's clock runs in a state (mirror of the server's case-clock stageOf). */
export function stageOf(state: CaseState): ClockStage | null {
  switch (state) {
    case 'verifying':
      return 'verify';
    case 'reported':
    case 'pending_register':
    case 'self_handled':
      return 'register';
    case 'registered':
      return 'dispatch';
    case 'dispatched':
      return 'acknowledge';
    case 'handling':
    case 'extension_requested':
    case 'return_requested':
    case 'hang_requested':
    case 'hung':
      return 'handle';
    case 'checking':
      return 'check';
    case 'handled':
    case 'refused':
    case 'voided':
    case 'closed':
      return null;
  }
}
