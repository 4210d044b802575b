import React from 'react';
import { Navigation } from '@adminjs/design-system';
import { useLocation, useNavigate } from 'react-router';
import { useCurrentAdmin, useTranslation } from 'adminjs';

// AdminJS lists every page in its menu whoever signs in; this lists only the pages the member's
// role may open (role-access.ts PAGE_ROLES, handed over in AdminJS.env). The server refuses the
// others by URL all the same: this only keeps the menu honest.
const SidebarPages = ({ pages }) => {
  const [currentAdmin] = useCurrentAdmin();
  const { translateLabel, translatePage } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const env = window.AdminJS.env || {};
  const roles = JSON.parse(env.CONSOLE_PAGE_ROLES || '{}');
  const role = currentAdmin && currentAdmin.role;
  const allowed = (pages || []).filter((page) => (roles[page.name] || ['admin']).includes(role));
  if (allowed.length === 0) return null;
  const elements = allowed.map((page) => ({
    id: page.name,
    label: translatePage(page.name),
    isSelected: location.pathname.includes(`/pages/${page.name}`),
    icon: page.icon,
    href: `${env.CONSOLE_ROOT_PATH}/pages/${page.name}`,
    onClick: (event, element) => {
      event.preventDefault();
      navigate(element.href);
    },
  }));
  return <Navigation label={translateLabel('pages')} elements={elements} />;
};

export default SidebarPages;
