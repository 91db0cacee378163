/** The content collection the archive is made of: the site's `papers` collection, loaded with `papersLoader()`. */
export const archiveCollection = 'papers';
