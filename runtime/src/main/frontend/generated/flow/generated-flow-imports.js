import '@vaadin/vertical-layout/src/vaadin-vertical-layout.js';
import '@vaadin/horizontal-layout/src/vaadin-horizontal-layout.js';
import '@vaadin/button/src/vaadin-button.js';
import '@vaadin/tooltip/src/vaadin-tooltip.js';
import 'Frontend/generated/jar-resources/disableOnClickFunctions.js';
import '@vaadin/icons/vaadin-iconset.js';
import '@vaadin/icon/src/vaadin-icon.js';
import '@vaadin/dialog/src/vaadin-dialog.js';
import 'Frontend/generated/jar-resources/flow-component-renderer.js';
import 'Frontend/generated/jar-resources/flow-component-directive.js';
import '@vaadin/text-field/src/vaadin-text-field.js';
import '@vaadin/notification/src/vaadin-notification.js';
import '@vaadin/login/src/vaadin-login-form.js';
import '@vaadin/select/src/vaadin-select.js';
import 'Frontend/generated/jar-resources/selectConnector.js';
import 'Frontend/generated/jar-resources/lit-renderer.ts';
import '@vaadin/app-layout/src/vaadin-app-layout.js';
import '@vaadin/app-layout/src/vaadin-drawer-toggle.js';
import '@vaadin/side-nav/src/vaadin-side-nav.js';
import '@vaadin/side-nav/src/vaadin-side-nav-item.js';
import '@vaadin/common-frontend/ConnectionIndicator.js';
import 'Frontend/generated/jar-resources/ReactRouterOutletElement.tsx';

const loadOnDemand = (key) => {
  const pending = [];
  if (key === 'e7fd30c07bbf45c154daaaf48732b9036834810357e5f91dcc534ea7373e18df') {
    pending.push(import('./chunks/chunk-55d3aa763bd508bea66610bdcab0825caa02f262695494a2a84ec79b5c65749f.js'));
  }
  if (key === '57099ff69b1ff76df1ec293d99e5accf9e3acc130647785be64f6cf97ac2815f') {
    pending.push(import('./chunks/chunk-13d565f06cf5dac1e4578c0ec7e530eb4d8b76aad5470972c469af0aa19cbe14.js'));
  }
  if (key === 'd3b65faaee9be37188f7d74fc24811ae4b8a82b2751a55e34393eb2e5f518ab5') {
    pending.push(import('./chunks/chunk-63c244cdd7615871b7fd94170db4e334739c3c97b9bd8de5a02913f7bf23fbcb.js'));
  }
  if (key === 'd445da547f3c7b003454a2deea7a1117a0873decc964b1a99c4225d3e14c60f0') {
    pending.push(import('./chunks/chunk-40c40be2b4443aa6579bad092f4995730e9bf51d3f437053f3c8781b3c7a8e53.js'));
  }
  if (key === 'b349482eeda31cf31bdaa28a9205dfda570d49ba07f9776108c56f8b682b7db3') {
    pending.push(import('./chunks/chunk-e646ef09ec5469b8dd95376f874121696fbb94512a9c784781a4d433856e46ac.js'));
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