import { render } from 'preact';
import browserLibraryDeps from '../../src/ui/library/browser-library-deps';
import LibraryApp from '../../src/ui/library/library-app';

render(<LibraryApp deps={browserLibraryDeps(document)} />, document.getElementById('app')!);
