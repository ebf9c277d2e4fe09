import { render } from 'preact';
import browserLibraryDeps from '../../src/ui/library/browser-library-deps';
import { loadFirstRows } from '../../src/ui/library/first-load';
import LibraryApp from '../../src/ui/library/library-app';

const deps = browserLibraryDeps(document);
// The database opens and the first rows are read while the page shell renders and paints (the page reports a failure).
const firstLoad = loadFirstRows(deps);
firstLoad.catch(() => {});
render(<LibraryApp deps={deps} firstLoad={firstLoad} />, document.getElementById('app')!);
