import { Alert } from 'antd';
import { coreMessages } from '../../core/core.messages';
import { useFeatureErrors } from '../../core/hooks/useFeatureErrors';
import { useT } from '../../i18n/hooks/useT';
import { evaluationMessages } from '../evaluation.messages';

/** Why a view of the evaluation page could not load, in the user's words. */
export function LoadError({ error }: { error: Error }) {
  const tc = useT(coreMessages);
  const errorText = useFeatureErrors(evaluationMessages);
  return <Alert type="error" showIcon title={tc('error.load', { message: errorText(error) })} />;
}
