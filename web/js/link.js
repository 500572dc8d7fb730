// /p/{anchor} for an anchor no passage has: the server answers 404 with this page; name the link.
import { pathParam } from './common.js';

const anchor = pathParam('/p/');
const text = document.getElementById('link-text');
if (anchor && text) {
  text.textContent = 'No passage of the indexed documents has the link /p/' + anchor +
    '. The passage may have been removed from its document, or the link was copied incompletely.';
}
