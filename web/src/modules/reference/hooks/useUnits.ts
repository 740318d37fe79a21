import { useMemo } from 'react';
import { orgApi } from '../../../api/org.api';
import type { OrgUnit } from '../../../api/types';
import { useResource } from '../../core/hooks/useResource';
import { cached } from '../../core/utils/cached';
import { useLocale } from '../../i18n/hooks/useLocale';

export interface Units {
  list: OrgUnit[];
  byId: ReadonlyMap<string, OrgUnit>;
  /** The unit's name in the current language (English name when there is one). */
  name: (id: string | null | undefined) => string;
  loading: boolean;
}

/** Departments and handling units, loaded once per session. */
export function useUnits(): Units {
  const { locale } = useLocale();
  const r = useResource(() => cached('org.units', () => orgApi.units()), []);
  return useMemo(() => {
    const list = r.data ?? [];
    const byId = new Map(list.map((u) => [u.id, u]));
    return {
      list,
      byId,
      loading: r.loading,
      name: (id) => {
        if (!id) {
          return '';
        }
        const u = byId.get(id);
        if (!u) {
          return id.slice(0, 8);
        }
        return locale === 'en' && u.nameEn ? u.nameEn : u.name;
      },
    };
  }, [r.data, r.loading, locale]);
}
