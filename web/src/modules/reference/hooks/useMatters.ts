import { useMemo } from 'react';
import { catalogApi } from '../../../api/catalog.api';
import type { CatalogEntry } from '../../../api/types';
import { useResource } from '../../core/hooks/useResource';
import { cached } from '../../core/utils/cached';
import { useLocale } from '../../i18n/hooks/useLocale';

export interface Matters {
  list: CatalogEntry[];
  byCode: ReadonlyMap<string, CatalogEntry>;
  /** "06010 暴露垃圾" (English name when there is one and English is on). */
  label: (code: string | null | undefined) => string;
  /** Major classes: code → name. */
  majors: { code: string; name: string }[];
  loading: boolean;
}

/** The active matters of the catalog (a few hundred), loaded once per session. */
export function useMatters(): Matters {
  const { locale } = useLocale();
  const r = useResource(() => cached('catalog.matters', () => catalogApi.matters()), []);
  return useMemo(() => {
    const list = r.data ?? [];
    const byCode = new Map(list.map((m) => [m.code, m]));
    const majors = [...new Map(list.map((m) => [m.majorCode, m.majorName])).entries()]
      .map(([code, name]) => ({ code, name }))
      .sort((a, b) => a.code.localeCompare(b.code));
    return {
      list,
      byCode,
      majors,
      loading: r.loading,
      label: (code) => {
        if (!code) {
          return '';
        }
        const m = byCode.get(code);
        const name = m ? (locale === 'en' && m.nameEn ? m.nameEn : m.name) : '';
        return name ? `${code} ${name}` : code;
      },
    };
  }, [r.data, r.loading, locale]);
}
