import { createBrowserRouter } from 'react-router';
import { Layout } from '../components/Layout';
import { Loading } from '../components/Loading';
import { openCallsQuery } from '../features/calls/open-calls';
import { queryClient } from './query-client';

/** The route table: every page is its own chunk, loaded when first visited. */
export const router = createBrowserRouter([
  {
    element: <Layout />,
    HydrateFallback: Loading,
    children: [
      {
        index: true,
        lazy: () => import('../features/public/HomePage').then((m) => ({ Component: m.HomePage })),
      },
      {
        path: 'calls',
        // Fetch the list while the page's code loads: one round trip less on a slow connection.
        loader: () => {
          void queryClient.prefetchQuery(openCallsQuery());
          return null;
        },
        lazy: () => import('../features/calls/CallsPage').then((m) => ({ Component: m.CallsPage })),
      },
      {
        path: 'calls/:id',
        lazy: () => import('../features/calls/CallDetailPage').then((m) => ({ Component: m.CallDetailPage })),
      },
      {
        path: 'impact',
        lazy: () => import('../features/public/ImpactPage').then((m) => ({ Component: m.ImpactPage })),
      },
      {
        path: 'sign-in',
        lazy: () => import('../features/account/SignInPage').then((m) => ({ Component: m.SignInPage })),
      },
      {
        path: 'dashboard',
        lazy: () => import('../features/account/DashboardPage').then((m) => ({ Component: m.DashboardPage })),
      },
      {
        path: 'applications/:id/files',
        lazy: () =>
          import('../features/attachments/AttachmentsPage').then((m) => ({ Component: m.AttachmentsPage })),
      },
      {
        path: 'register',
        lazy: () => import('../features/account/RegisterPage').then((m) => ({ Component: m.RegisterPage })),
      },
      {
        path: 'confirm-email',
        lazy: () =>
          import('../features/account/ConfirmEmailPage').then((m) => ({ Component: m.ConfirmEmailPage })),
      },
      {
        path: 'mfa',
        lazy: () => import('../features/account/MfaEnrolPage').then((m) => ({ Component: m.MfaEnrolPage })),
      },
      {
        path: 'profile',
        lazy: () => import('../features/account/ProfilePage').then((m) => ({ Component: m.ProfilePage })),
      },
      {
        path: 'calls/:callId/apply',
        lazy: () => import('../features/ngo/ApplyPage').then((m) => ({ Component: m.ApplyPage })),
      },
      {
        path: 'applications/:id',
        lazy: () => import('../features/ngo/ApplicationPage').then((m) => ({ Component: m.ApplicationPage })),
      },
      {
        path: 'grants/:id',
        lazy: () => import('../features/ngo/GrantPage').then((m) => ({ Component: m.GrantPage })),
      },
      {
        path: 'organization',
        lazy: () =>
          import('../features/ngo/OrganizationPage').then((m) => ({ Component: m.OrganizationPage })),
      },
      {
        path: 'manage/calls/:id/applications',
        lazy: () =>
          import('../features/review/ApplicationsPage').then((m) => ({ Component: m.ApplicationsPage })),
      },
      {
        path: 'manage/calls/:id/ranking',
        lazy: () => import('../features/review/RankingPage').then((m) => ({ Component: m.RankingPage })),
      },
      {
        path: 'reviews',
        lazy: () => import('../features/reviewer/ReviewsPage').then((m) => ({ Component: m.ReviewsPage })),
      },
      {
        path: 'reviews/:id',
        lazy: () => import('../features/reviewer/ReviewPage').then((m) => ({ Component: m.ReviewPage })),
      },
      {
        path: '*',
        lazy: () => import('../features/public/NotFoundPage').then((m) => ({ Component: m.NotFoundPage })),
      },
    ],
  },
]);
