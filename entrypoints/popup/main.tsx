import { render } from 'preact';
import browserUiDeps from '../../src/ui/shared/browser-ui-deps';
import PopupApp from '../../src/ui/popup/popup-app';

render(<PopupApp deps={browserUiDeps(document)} />, document.getElementById('app')!);
