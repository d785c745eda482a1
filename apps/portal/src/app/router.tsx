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
        path: 'organization/profile',
        lazy: () =>
          import('../features/partners/ProfileWizardPage').then((m) => ({ Component: m.ProfileWizardPage })),
      },
      {
        path: 'manage/partners',
        lazy: () =>
          import('../features/partners/PartnersListPage').then((m) => ({ Component: m.PartnersListPage })),
      },
      {
        path: 'manage/partners/:id',
        lazy: () =>
          import('../features/partners/DueDiligencePage').then((m) => ({ Component: m.DueDiligencePage })),
      },
      {
        path: 'manage/sanctions',
        lazy: () =>
          import('../features/partners/SanctionsListsPage').then((m) => ({
            Component: m.SanctionsListsPage,
          })),
      },
      {
        path: 'donor/contributions',
        lazy: () =>
          import('../features/donor/DonorContributionsPage').then((m) => ({
            Component: m.DonorContributionsPage,
          })),
      },
      {
        path: 'donor/pledges',
        lazy: () =>
          import('../features/donor/DonorPledgesPage').then((m) => ({ Component: m.DonorPledgesPage })),
      },
      {
        path: 'donor/impact',
        lazy: () =>
          import('../features/donor/DonorImpactPage').then((m) => ({ Component: m.DonorImpactPage })),
      },
      {
        path: 'admin/users',
        lazy: () => import('../features/admin/UsersPage').then((m) => ({ Component: m.UsersPage })),
      },
      {
        path: 'admin/organizations',
        lazy: () =>
          import('../features/admin/OrganizationsPage').then((m) => ({ Component: m.OrganizationsPage })),
      },
      {
        path: 'admin/audit',
        lazy: () => import('../features/admin/AuditPage').then((m) => ({ Component: m.AuditPage })),
      },
      {
        path: 'admin/rates',
        lazy: () => import('../features/admin/RatesPage').then((m) => ({ Component: m.RatesPage })),
      },
      {
        path: 'admin/queues',
        lazy: () => import('../features/admin/QueuesPage').then((m) => ({ Component: m.QueuesPage })),
      },
      {
        path: 'finance/balance',
        lazy: () => import('../features/finance/BalancePage').then((m) => ({ Component: m.BalancePage })),
      },
      {
        path: 'finance/contributions',
        lazy: () =>
          import('../features/finance/ContributionsPage').then((m) => ({ Component: m.ContributionsPage })),
      },
      {
        path: 'finance/pledges',
        lazy: () => import('../features/finance/PledgesPage').then((m) => ({ Component: m.PledgesPage })),
      },
      {
        path: 'finance/costs',
        lazy: () => import('../features/finance/CostsPage').then((m) => ({ Component: m.CostsPage })),
      },
      {
        path: 'finance/rates',
        lazy: () => import('../features/finance/RatesPage').then((m) => ({ Component: m.RatesPage })),
      },
      {
        path: 'finance/reports',
        lazy: () => import('../features/finance/ReportsPage').then((m) => ({ Component: m.ReportsPage })),
      },
      {
        path: 'funds/:id',
        lazy: () => import('../features/fund/FundPage').then((m) => ({ Component: m.FundPage })),
      },
      {
        path: 'manage/calls',
        lazy: () =>
          import('../features/calls-admin/CallsAdminPage').then((m) => ({ Component: m.CallsAdminPage })),
      },
      {
        path: 'manage/calls/new',
        lazy: () =>
          import('../features/calls-admin/CallEditPage').then((m) => ({ Component: m.CallEditPage })),
      },
      {
        path: 'manage/calls/:id',
        lazy: () =>
          import('../features/calls-admin/CallEditPage').then((m) => ({ Component: m.CallEditPage })),
      },
      {
        path: 'manage/grants',
        lazy: () =>
          import('../features/grants-admin/GrantsAdminPage').then((m) => ({ Component: m.GrantsAdminPage })),
      },
      {
        path: 'manage/grants/:id',
        lazy: () =>
          import('../features/grants-admin/GrantAdminPage').then((m) => ({ Component: m.GrantAdminPage })),
      },
      {
        path: 'notices',
        lazy: () => import('../features/notices/NoticesPage').then((m) => ({ Component: m.NoticesPage })),
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
