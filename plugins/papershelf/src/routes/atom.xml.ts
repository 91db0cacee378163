// /atom.xml: the newest papers of the whole archive as Atom 1.0.
import type { APIRoute } from 'astro';
import { archiveFeed } from './feeds.ts';
import { feedResponse } from './responses.ts';

export const GET: APIRoute = async ({ site }) => feedResponse(await archiveFeed(site!, 'atom'), 'atom');
