import { Button, Menu } from '@mantine/core';
import {
  IconAlertTriangle,
  IconClipboardCheck,
  IconBook,
  IconBuildingCommunity,
  IconCertificate,
  IconChevronDown,
  IconFileText,
  IconFiles,
  IconFlame,
  IconHistory,
  IconHome,
  IconKey,
  IconListCheck,
  IconMail,
  IconMailExclamation,
  IconMessageCircleQuestion,
  IconMenu2,
  IconPresentation,
  IconUserCog,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Navigate, Outlet, useLocation } from 'react-router';
import { useAuth } from './auth';
import type { Role } from './auth';
import { LanguageSelect } from './LanguageSelect';

const LINKS: { to: string; key: string; icon: typeof IconHome; end: boolean; roles?: Role[] }[] = [
  { to: '/', key: 'nav.home', icon: IconHome, end: true },
  { to: '/programmes', key: 'nav.programmes', icon: IconUsersGroup, end: false },
  { to: '/deviations', key: 'nav.deviations', icon: IconAlertTriangle, end: false },
  { to: '/corrective-actions', key: 'nav.correctiveActions', icon: IconListCheck, end: false },
  { to: '/procedures', key: 'nav.procedures', icon: IconBook, end: false },
  { to: '/documents', key: 'nav.documents', icon: IconFiles, end: false },
  {
    to: '/risks',
    key: 'nav.risks',
    icon: IconFlame,
    end: false,
    roles: ['quality_manager', 'programme_leader', 'board_member', 'auditor'],
  },
  {
    to: '/surveys',
    key: 'nav.surveys',
    icon: IconMessageCircleQuestion,
    end: false,
    roles: ['quality_manager', 'programme_leader', 'auditor', 'board_member'],
  },
  { to: '/organisations', key: 'nav.organisations', icon: IconBuildingCommunity, end: false },
  { to: '/internal-audits', key: 'nav.internalAudits', icon: IconClipboardCheck, end: false },
  {
    to: '/management-reviews',
    key: 'nav.managementReviews',
    icon: IconPresentation,
    end: false,
    roles: ['quality_manager', 'board_member', 'auditor'],
  },
  {
    to: '/reports',
    key: 'nav.reports',
    icon: IconFileText,
    end: false,
    roles: ['quality_manager', 'board_member', 'auditor', 'programme_leader'],
  },
  { to: '/audit-trail', key: 'nav.auditTrail', icon: IconHistory, end: false, roles: ['admin', 'quality_manager', 'auditor'] },
  { to: '/users', key: 'nav.users', icon: IconUserCog, end: false, roles: ['admin'] },
  { to: '/admin/mail', key: 'nav.mail', icon: IconMailExclamation, end: false, roles: ['admin'] },
  { to: '/training', key: 'nav.training', icon: IconCertificate, end: false, roles: ['quality_manager', 'admin', 'auditor'] },
];

/** Every page behind sign-in: header, the Main navigation and the page. */
export function Layout() {
  const { t } = useTranslation();
  const { user, ended, signOut, hasRole } = useAuth();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [location.pathname]);

  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    const to = ended === 'signed_out' ? '/sign-in' : ended === 'expired' ? `/sign-in?reason=expired&next=${next}` : `/sign-in?next=${next}`;
    return <Navigate to={to} replace />;
  }
  // A temporary password (set by an administrator) must be replaced before anything else: the
  // service refuses every other page's data until then.
  const forced = user.mustChangePassword;
  if (forced && location.pathname !== '/account/password') {
    return <Navigate to={`/account/password?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="shell-header">
        {forced ? null : (
          <Button
            className="menu-toggle"
            variant="default"
            size="xs"
            leftSection={<IconMenu2 size={16} aria-hidden />}
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen((o) => !o)}
          >
            {t('nav.menu')}
          </Button>
        )}
        <Link to="/" className="shell-title">
          Mentoring QMS
        </Link>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button className="shell-user" variant="subtle" size="xs" rightSection={<IconChevronDown size={14} aria-hidden />}>
              {user.name}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item component={Link} to="/account/password" leftSection={<IconKey size={16} aria-hidden />}>
              {t('password.menu')}
            </Menu.Item>
            <Menu.Item component={Link} to="/account/notifications" leftSection={<IconMail size={16} aria-hidden />}>
              {t('notifications.menu')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
        <LanguageSelect />
        <Button variant="default" size="xs" onClick={() => signOut()}>
          {t('auth.signOut')}
        </Button>
      </header>
      <div className="shell-body">
        {forced ? null : (
          <nav id="main-nav" className="shell-nav" aria-label={t('nav.label')} data-open={menuOpen}>
            <ul>
              {LINKS.filter((l) => !l.roles || hasRole(...l.roles)).map(({ to, key, icon: Icon, end }) => (
                <li key={to}>
                  <NavLink to={to} end={end}>
                    <Icon size={18} aria-hidden />
                    {t(key)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <main id="main" className="shell-main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </>
  );
}
