import { Anchor, Button, Container, Group, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { signOut } from '../lib/api-client';
import { useProfileLocale } from '../lib/profile-locale';
import { useAccessToken } from '../lib/session';
import { LanguageSwitch } from './LanguageSwitch';
import { Loading } from './Loading';

const RoleNav = lazy(() => import('./RoleNav'));

const NAV = [
  { to: '/', key: 'app.home', end: true },
  { to: '/calls', key: 'app.calls', end: false },
  { to: '/impact', key: 'app.impact', end: false },
];

const NoticesLink = lazy(() =>
  import('../features/notices/NoticesLink').then((m) => ({ default: m.NoticesLink })),
);

/** Skip link, header (fund, navigation, language, session), the page, footer: the landmarks of every page. */
export function Layout() {
  const { t } = useTranslation();
  const token = useAccessToken();
  const navigate = useNavigate();
  useProfileLocale();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <Container size="lg">
          <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
            <Anchor component={Link} to="/" fw={700} size="lg" c="un.8" underline="never">
              {t('app.fundName')}
            </Anchor>
            <Group gap="sm" align="flex-end" wrap="wrap">
              <LanguageSwitch />
              {token ? (
                <>
                  <Suspense fallback={null}>
                    <NoticesLink />
                  </Suspense>
                  <Button component={Link} to="/dashboard" variant="light">
                    {t('app.dashboard')}
                  </Button>
                  <Button
                    variant="outline"
                    onClick={() => {
                      void signOut().then(() => navigate('/'));
                    }}
                  >
                    {t('app.signOut')}
                  </Button>
                </>
              ) : (
                <>
                  <Button component={Link} to="/register" variant="outline">
                    {t('register.link')}
                  </Button>
                  <Button component={Link} to="/sign-in">
                    {t('app.signIn')}
                  </Button>
                </>
              )}
            </Group>
          </Group>
          <nav aria-label={t('app.mainNav')}>
            <Group gap="xs" mt="sm" wrap="wrap">
              {NAV.map(({ to, key, end }) => (
                <Button key={to} component={NavLink} to={to} end={end} variant="subtle" size="sm">
                  {t(key)}
                </Button>
              ))}
              {token && (
                <Suspense fallback={null}>
                  <RoleNav />
                </Suspense>
              )}
            </Group>
          </nav>
        </Container>
      </header>
      <main id="main" tabIndex={-1}>
        <Container size="lg" py="lg">
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Container>
      </main>
      <footer className="site-footer">
        <Container size="lg">
          <Text size="sm">{t('app.footer')}</Text>
        </Container>
      </footer>
    </>
  );
}
