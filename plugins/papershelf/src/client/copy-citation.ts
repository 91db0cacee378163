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
      const name = download.dataset['downloadBibtex'] ?? 'citation.bib';
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
  }
}
