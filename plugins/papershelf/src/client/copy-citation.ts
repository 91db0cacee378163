// "Copy BibTeX" copies the entry shown on the page and says so; "Download .bib" saves it as a file, made here from
// the same text, so the site needs no file a paper for it. Both buttons stay hidden without script.

for (const section of document.querySelectorAll<HTMLElement>('section.cite')) {
  const entry = section.querySelector('[data-bibtex]');
  const status = section.querySelector('[data-copy-status]');
  if (!entry || !status) continue;
  const text = () => entry.textContent ?? '';

  const copy = section.querySelector<HTMLButtonElement>('[data-copy-bibtex]');
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener('click', () => {
      navigator.clipboard.writeText(text()).then(
        () => (status.textContent = 'Copied to the clipboard.'),
        () => (status.textContent = 'Could not copy; select the entry and copy it yourself.'),
      );
    });
  }

  const download = section.querySelector<HTMLButtonElement>('[data-download-bibtex]');
  if (download) {
    download.hidden = false;
    download.addEventListener('click', () => {
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([text()], { type: 'application/x-bibtex' }));
      link.download = download.dataset['downloadBibtex'] ?? 'citation.bib';
      link.click();
      // The click has handed the file to the browser; the object URL is not needed after it.
      setTimeout(() => URL.revokeObjectURL(link.href), 0);
    });
  }
}
