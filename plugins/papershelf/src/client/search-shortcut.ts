// The only script every page loads: `/` and Ctrl/⌘+K put the cursor in the search box.
// Pagefind itself loads on the search page, when it is used.

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

document.addEventListener('keydown', (event) => {
  const input = document.querySelector<HTMLInputElement>('[data-search-input]');
  if (!input || event.defaultPrevented) return;
  const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
  const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
  if (!commandK && !slash) return;
  event.preventDefault();
  input.focus();
  input.select();
});
