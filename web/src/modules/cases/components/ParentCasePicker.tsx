import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { casesApi } from '../../../api/cases.api';
import type { CaseDuplicate, CaseView } from '../../../api/types';
import { useLabels } from '../../i18n/hooks/useLabels';
import { useT } from '../../i18n/hooks/useT';
import { casesMessages } from '../cases.messages';

export interface ParentCasePickerProps {
  id?: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** The case being merged (left out of the choices). */
  caseId: string;
  /** Suggested parents: the duplicate candidates. */
  duplicates?: readonly CaseDuplicate[];
  status?: 'error' | 'warning';
  testId?: string;
}

/** Picks the case a duplicate is merged into: a suggested duplicate, or any case by number. */
export function ParentCasePicker({
  id,
  value,
  onChange,
  caseId,
  duplicates = [],
  status,
  testId,
}: ParentCasePickerProps) {
  const t = useT(casesMessages);
  const labels = useLabels();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<CaseView[]>([]);

  useEffect(() => {
    const text = q.trim();
    if (text.length < 3) {
      setFound([]);
      return;
    }
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      casesApi.list({ q: text, pageSize: 10 }, ctrl.signal).then(
        (p) => setFound(p.items),
        () => undefined,
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [q]);

  const options = useMemo(() => {
    const seen = new Set<string>([caseId]);
    const out: { value: string; label: string }[] = [];
    for (const d of duplicates) {
      if (!seen.has(d.caseId)) {
        seen.add(d.caseId);
        out.push({ value: d.caseId, label: `${d.number} · ${labels.state(d.state)}` });
      }
    }
    for (const c of found) {
      if (!seen.has(c.id)) {
        seen.add(c.id);
        out.push({
          value: c.id,
          label: `${c.number} · ${labels.state(c.state)} · ${c.description.slice(0, 20)}`,
        });
      }
    }
    return out;
  }, [duplicates, found, caseId, labels]);

  return (
    <Select
      id={id}
      data-testid={testId}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      showSearch={{ filterOption: false, onSearch: setQ }}
      options={options}
      status={status}
      allowClear
      placeholder={t('form.parentSearch')}
      style={{ width: '100%' }}
    />
  );
}
