// "Copy BibTeX" copies the entry shown on the page and says so; "Download .bib" saves it as a file, made here from
// the same text, so the site needs no file a paper for it. The buttons are made here, as they work only with script:
// without it the entry stays readable and selectable, and each paper page is 0.3 KB lighter for not carrying them.

for (const section of document.querySelectorAll<HTMLElement>('section.cite')) {
  const entry = section.querySelector('[data-bibtex]');
  if (!entry) continue;
  const text = () => entry.textContent ?? '';
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, label = '') =>
    Object.assign(document.createElement(tag), { className, textContent: label });
  // A site with per-paper files (`features.paperFiles`) has the line already, with its download link.
  const actions = section.querySelector('.cite-actions') ?? section.appendChild(make('p', 'cite-actions'));
  const status = make('span', 'copy-status');
  status.setAttribute('role', 'status');

  if (navigator.clipboard) {
    const copy = make('button', 'cite-button', 'Copy BibTeX');
    copy.type = 'button';
    copy.addEventListener('click', () => {
      navigator.clipboard.writeText(text()).then(
        () => (status.textContent = 'Copied to the clipboard.'),
        () => (status.textContent = 'Could not copy; select the entry and copy it yourself.'),
      );
    });
    actions.prepend(copy);
  }

  if (!actions.querySelector('a[download]')) {
    const download = make('button', 'cite-button', 'Download .bib');
    download.type = 'button';
    // Named after the page: `/papers/<slug>/` (or `<slug>.html`) downloads `<slug>.bib`.
    const page = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() ?? '').replace(/\.html$/, '');
    const name = `${page || 'citation'}.bib`;
    download.addEventListener('click', () => {
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([text()], { type: 'application/x-bibtex' }));
      link.download = name;
      // Some browsers follow a link's download only while the link is in the document.
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      status.textContent = `Downloading ${name}.`;
      // Revoked at once, the URL could be gone before a slower browser has read the file.
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    });
    actions.append(download);
  }
  actions.append(status);
}
