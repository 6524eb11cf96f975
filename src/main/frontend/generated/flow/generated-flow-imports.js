import '@vaadin/vertical-layout/src/vaadin-vertical-layout.js';
import '@vaadin/login/src/vaadin-login-form.js';
import '@vaadin/app-layout/src/vaadin-app-layout.js';
import '@vaadin/side-nav/src/vaadin-side-nav.js';
import '@vaadin/side-nav/src/vaadin-side-nav-item.js';
import '@vaadin/tooltip/src/vaadin-tooltip.js';
import '@vaadin/button/src/vaadin-button.js';
import 'Frontend/generated/jar-resources/disableOnClickFunctions.js';
import '@vaadin/icons/vaadin-iconset.js';
import '@vaadin/icon/src/vaadin-icon.js';
import '@vaadin/horizontal-layout/src/vaadin-horizontal-layout.js';
import '@vaadin/app-layout/src/vaadin-drawer-toggle.js';
import '@vaadin/common-frontend/ConnectionIndicator.js';
import 'Frontend/generated/jar-resources/ReactRouterOutletElement.tsx';

const loadOnDemand = (key) => {
  const pending = [];
  if (key === '825e5a87be64572c04dd4679251c78c35df3a0151927f560ad5ad3afaf59490b') {
    pending.push(import('./chunks/chunk-ed892c2ae11a82a9aae357efbe455ebb7815ca02040e8b4414abc6a9f9748691.js'));
  }
  if (key === '6cd5d6b89bfc4abf8c8b9c207204437b5dcd5c9a668c1837f7a38b7396bbd9a4') {
    pending.push(import('./chunks/chunk-7df48eae3185c3212d169067c1e45e4d4cbc51d3a83d0534fcc357a41dd584a9.js'));
  }
  if (key === '6c8e9ffa43a3fbe923e773e10c09887c171f8bb0a4502e79fdc5f5a65dbe9d68') {
    pending.push(import('./chunks/chunk-6ce0dd4e3100934d001d6ab749fe099cd90e170513404ba760f43e168b311e0f.js'));
  }
  if (key === 'a2bc0cf6f7b1312b0b58b9e956098c71b89552edb82a5da62b916ef09adefcea') {
    pending.push(import('./chunks/chunk-eba8ded42036497381e01476468683834969403bf026aab0fe8766ec05518c3f.js'));
  }
  if (key === '1847f88acd947fc8fce15b3263d34fb0ba4d67d18fa19d3b50c8cad47a55a721') {
    pending.push(import('./chunks/chunk-1e9a941df9426cb408a3559aa1dd2bed7e886e4889cc3f418888477efcea99b8.js'));
  }
  if (key === '748576ca94b7314214a7b06c5b4ac8e4e852ab1be8230b77def02621e260e221') {
    pending.push(import('./chunks/chunk-eda9a388e3b3fb72e1e82a8e0b255383431a9285b20e8708223d1f45ac2d521b.js'));
  }
  if (key === 'eb6f9f05d4af863e334ae6073b450cd0df806c8ce02b0abd4c251345ec27ae29') {
    pending.push(import('./chunks/chunk-eda9a388e3b3fb72e1e82a8e0b255383431a9285b20e8708223d1f45ac2d521b.js'));
  }
  if (key === '63442b10305877838b79806b2c5c8756d174f3c5dbb22c3029c8434099f83f6b') {
    pending.push(import('./chunks/chunk-a83083844482fb48716a783fb2d7580417f2e79bb445923d42598ca85b330e60.js'));
  }
  return Promise.all(pending);
}

window.Vaadin = window.Vaadin || {};
window.Vaadin.Flow = window.Vaadin.Flow || {};
window.Vaadin.Flow.loadOnDemand = loadOnDemand;
window.Vaadin.Flow.resetFocus = () => {
 let ae=document.activeElement;
 while(ae&&ae.shadowRoot) ae = ae.shadowRoot.activeElement;
 return !ae || ae.blur() || ae.focus() || true;
}