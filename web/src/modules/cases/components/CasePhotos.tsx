import { Empty, Flex, Image, Typography } from 'antd';
import type { CaseEvent } from '../../../api/types';
import { attachmentsApi } from '../../../api/attachments.api';
import { useT } from '../../i18n/hooks/useT';
import { casesMessages } from '../cases.messages';
import { photoGroups } from '../utils/photoGroups';

export interface CasePhotosProps {
  events: readonly CaseEvent[];
}

/** Before / after / check photos as thumbnails; a click opens the original. */
export function CasePhotos({ events }: CasePhotosProps) {
  const t = useT(casesMessages);
  const g = photoGroups(events);
  const groups = [
    { key: 'before', title: t('photos.before'), ids: g.before },
    { key: 'after', title: t('photos.after'), ids: g.after },
    { key: 'check', title: t('photos.check'), ids: g.check },
  ].filter((x) => x.ids.length > 0 || x.key !== 'check');
  if (g.before.length + g.after.length + g.check.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('photos.none')} />;
  }
  return (
    <Flex vertical gap={12} data-testid="case-photos">
      {groups.map((grp) => (
        <div key={grp.key} data-testid={`photos-${grp.key}`}>
          <Typography.Text type="secondary">
            {grp.title} ({grp.ids.length})
          </Typography.Text>
          <Flex wrap gap={8} style={{ marginTop: 6 }}>
            <Image.PreviewGroup>
              {grp.ids.map((id) => (
                <Image
                  key={id}
                  width={96}
                  height={96}
                  style={{ objectFit: 'cover', borderRadius: 6 }}
                  src={attachmentsApi.thumbUrl(id)}
                  preview={{ src: attachmentsApi.url(id) }}
                  alt={grp.title}
                />
              ))}
            </Image.PreviewGroup>
            {grp.ids.length === 0 ? (
              <Typography.Text type="secondary">{t('photos.none')}</Typography.Text>
            ) : null}
          </Flex>
        </div>
      ))}
    </Flex>
  );
}
