// The charts load on demand (their own chunk), so the first screen on a phone stays small.
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

export const ProgressCharts = lazy(() => import('./charts.tsx').then((m) => ({ default: m.ProgressCharts })));
export const Barc10Chart = lazy(() => import('./charts.tsx').then((m) => ({ default: m.Barc10Chart })));
export const HouseStatsCharts = lazy(() =>
  import('./charts.tsx').then((m) => ({ default: m.HouseStatsCharts })),
);

export function ChartsLoading({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <p className="loading" role="status">
          {t('charts.loadingCharts')}
        </p>
      }
    >
      {children}
    </Suspense>
  );
}
