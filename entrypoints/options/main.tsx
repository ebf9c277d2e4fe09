import { render } from 'preact';
import browserUiDeps from '../../src/ui/shared/browser-ui-deps';
import OptionsApp from '../../src/ui/options/options-app';

render(<OptionsApp deps={browserUiDeps(document)} />, document.getElementById('app')!);
