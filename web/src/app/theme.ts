import { createTheme } from '@mantine/core';

// Mantine's default theme: its CSS variables come from Mantine's style sheet (no inline <style>),
// so colour changes are made in app.css, where the filled and light variants are darkened for
// the 4.5:1 text contrast WCAG AA asks for.
// Transitions (modals, menus, notifications) are skipped for users who ask their system to reduce motion.
export const theme = createTheme({
  respectReducedMotion: true,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
});
