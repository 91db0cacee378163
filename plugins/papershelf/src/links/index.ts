// The archive's addresses: the route table and the links built from it. Pure modules.
export { routeTable, prefixedPattern, type ArchiveRoute, type Feature, type RouteName } from './route-table.ts';
export {
  siteLinks,
  routeHref,
  sitePath,
  endsWithSlash,
  absoluteUrl,
  type SiteLinks,
  type LinkSettings,
  type RouteParams,
} from './site-links.ts';
