// The archive's default icon, served only when the site's public folder has no favicon of its own.
import type { APIRoute } from 'astro';

const icon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1d4ed8"/><path d="M9 7h10l5 5v13H9z" fill="#fff"/><path d="M12 15h9M12 19h9M12 23h6" stroke="#1d4ed8" stroke-width="2"/></svg>`;

export const GET: APIRoute = () => new Response(icon, { headers: { 'content-type': 'image/svg+xml' } });
