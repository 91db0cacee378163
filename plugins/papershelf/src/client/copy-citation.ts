// "Copy BibTeX": copies the entry shown on the page and says so. The button stays hidden without script.

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy-bibtex]')) {
  const section = button.closest('section');
  const entry = section?.querySelector('[data-bibtex]');
  const status = section?.querySelector('[data-copy-status]');
  if (!entry || !status || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener('click', () => {
    navigator.clipboard.writeText(entry.textContent ?? '').then(
      () => (status.textContent = 'Copied to the clipboard.'),
      () => (status.textContent = 'Could not copy; select the entry and copy it yourself.'),
    );
  });
}
