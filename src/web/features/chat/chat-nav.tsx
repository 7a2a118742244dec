// The Chat entry of the menu, with how many messages are new for me. It refreshes on live chat events
// (no polling on other screens).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { chatApi } from '../../../shared/contracts/chat.ts';
import { queryFor } from '../../app/api.ts';
import { useRealtime } from '../../app/realtime.tsx';
import { Hidden } from '../../components/notice.tsx';
import { chatKeys } from './chat-api.ts';

export function ChatNavLabel() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const list = useQuery({ ...queryFor(chatApi.conversations), staleTime: 30_000 });
  useRealtime('chat.', () => void client.invalidateQueries({ queryKey: chatKeys.list }));
  const count = list.data?.totalUnread ?? 0;
  return (
    <>
      {t('chat.nav')}
      {count > 0 ? (
        <>
          {' '}
          <span className="chat-nav-count" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
          <Hidden>{t('chat.unread', { count })}</Hidden>
        </>
      ) : null}
    </>
  );
}
