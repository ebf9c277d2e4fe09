import type { ReplicaPageData } from './page/page-data';
import { INNERTUBE_API_KEY, WEB_CLIENT_VERSION } from './player-response';
import { LAYOUT_CSS } from './inferred/layouts';

/**
 * HTML templates shaped like YouTube's desktop pages (structure after the MIT watch-page fixture, not copied):
 * nonce'd inline scripts, `ytcfg.set({...})`, `var ytInitialPlayerResponse = {...};` with `\u0026`-escaped
 * URLs, the Polymer element tree the extension anchors to, and an inline `yt-navigate-finish` right after
 * `<ytd-app>` opens (before DOMContentLoaded, so `document_idle` content scripts miss it, as on YouTube).
 * Only the server writes markup; the page script builds everything dynamic with DOM APIs.
 */

/** JSON the way YouTube inlines it: `&`, `<`, `>`, `=` as \u00XX (so `&` in URLs reads `\u0026`). */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/&/g, '\\u0026')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function text(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const STYLE = `
body{margin:0;font-family:Roboto,Arial,sans-serif;background:#fff;color:#0f0f0f}
ytd-app,ytd-page-manager,ytd-watch-flexy,ytd-watch-metadata,ytd-engagement-panel-section-list-renderer,ytd-compact-video-renderer{display:block}
#columns{display:flex;gap:24px;padding:24px}#primary{flex:1;min-width:0}#secondary{width:402px}
#movie_player{position:relative;background:#000;aspect-ratio:16/9;width:100%}
.html5-video-container video{width:100%;height:100%;position:absolute;inset:0}
.ytp-caption-window-container{position:absolute;left:0;right:0;bottom:60px;text-align:center;color:#fff;font-size:20px;pointer-events:none}
.ytp-caption-segment{background:rgba(8,8,8,.75);padding:2px 6px}
.ytp-chrome-bottom{position:absolute;left:12px;right:12px;bottom:0;height:48px}
.ytp-progress-bar-container{position:relative;height:5px;background:rgba(255,255,255,.2)}
.ytp-progress-bar{position:absolute;inset:0}
.ytp-subtitles-button{position:absolute;right:0;bottom:8px;color:#fff;background:none;border:0}
.ytp-subtitles-button[aria-pressed=true]{border-bottom:2px solid red}
#movie_player.ad-showing{outline:4px solid #fc0}
[hidden]{display:none!important}
ytd-engagement-panel-section-list-renderer{max-height:400px;overflow:auto;border:1px solid #ddd;border-radius:12px}
transcript-segment-view-model,ytd-transcript-segment-renderer .segment{display:flex;gap:12px;padding:4px 12px}
.ytwTranscriptSegmentViewModelTimestampA11yLabel{position:absolute;left:-9999px}
`;

function head(nonce: string, title: string, canonicalPath: string): string {
  return `<!DOCTYPE html><html style="font-size: 10px;font-family: Roboto, Arial, sans-serif;" lang="en" system-icons typography><head>
<script nonce="${nonce}">var ytcfg={d:function(){return window.yt&&yt.config_||ytcfg.data_||(ytcfg.data_={})},get:function(k,o){return k in ytcfg.d()?ytcfg.d()[k]:o},set:function(){var a=arguments;if(a.length>1)ytcfg.d()[a[0]]=a[1];else{var k;for(k in a[0])ytcfg.d()[k]=a[0][k]}}};
window.ytcsi={tick:function(){}};</script>
<script nonce="${nonce}">ytcfg.set(${inlineJson({
    INNERTUBE_API_KEY,
    INNERTUBE_API_VERSION: 'v1',
    INNERTUBE_CLIENT_NAME: 'WEB',
    INNERTUBE_CLIENT_VERSION: WEB_CLIENT_VERSION,
    INNERTUBE_CONTEXT_CLIENT_NAME: 1,
    INNERTUBE_CONTEXT_CLIENT_VERSION: WEB_CLIENT_VERSION,
    INNERTUBE_CONTEXT: { client: { hl: 'en', gl: 'US', clientName: 'WEB', clientVersion: WEB_CLIENT_VERSION, platform: 'DESKTOP' } },
    DEVICE: 'cbr=Chrome&cbrver=156.0.0.0&ceng=WebKit&cengver=537.36&cos=X11&cplatform=DESKTOP',
    HL: 'en',
    GL: 'US',
    VISITOR_DATA: 'CgtSZXBsaWNhVmlzaXQ%3D',
    LOGGED_IN: false,
  })}); window.ytplayer={};</script>
<title>${text(title)} - YouTube</title><meta name="title" content="${text(title)}"><link rel="canonical" href="https://www.youtube.com${canonicalPath}">
<style nonce="${nonce}">${STYLE}${LAYOUT_CSS}</style>
</head>`;
}

function initialDataScript(nonce: string, data: ReplicaPageData): string {
  return `<script nonce="${nonce}">window.__replicaInitialData = ${inlineJson(data)};</script>`;
}

function earlyNavigateFinish(nonce: string, data: ReplicaPageData): string {
  const endpoint = data.pageType === 'shorts' ? 'reelWatchEndpoint' : 'watchEndpoint';
  return `<script nonce="${nonce}">(function(){var app=document.querySelector('ytd-app');var d={pageType:${JSON.stringify(data.pageType)},endpoint:{${endpoint}:{videoId:${JSON.stringify(data.videoId)}}},response:{playerResponse:window.ytInitialPlayerResponse,response:{}}};window.__replicaFirstNavigateFinishAt=performance.now();app.dispatchEvent(new CustomEvent('yt-navigate-finish',{bubbles:true,composed:true,detail:d}));})();</script>`;
}

function playerMarkup(id: string, data: ReplicaPageData, extraClass = ''): string {
  return `<div id="${id}" class="html5-video-player ytp-transparent ytp-exp-bottom-control-flexbox ytp-hide-info-bar unstarted-mode ${extraClass}" tabindex="-1" data-version="/s/player/replica/player_ias.vflset/en_US/base.js" aria-label="YouTube Video Player">
<div class="html5-video-container" data-layer="0"><video tabindex="-1" class="video-stream html5-main-video" preload="auto" src="${text(data.mediaUrl)}"></video></div>
<div class="ytp-caption-window-container" id="ytp-caption-window-container"></div>
<div class="ytp-chrome-bottom" data-layer="9"><div class="ytp-progress-bar-container" data-layer="4"><div class="ytp-progress-bar" tabindex="0" role="slider" aria-label="Seek slider" aria-valuemin="0" aria-valuemax="${data.lengthSeconds}"><div class="ytp-progress-list"></div></div></div>
<div class="ytp-chrome-controls"><div class="ytp-left-controls"><a class="ytp-title-link" href="https://www.youtube.com/watch?v=${data.videoId}" target="_blank">${text(data.title)}</a></div><div class="ytp-right-controls"><button class="ytp-subtitles-button ytp-button" aria-keyshortcuts="c" data-priority="5" aria-pressed="false" title="Subtitles/closed captions (c)" data-title-no-tooltip="Subtitles/closed captions">CC</button></div></div></div>
</div>`;
}

export function watchPageHtml(nonce: string, data: ReplicaPageData): string {
  return `${head(nonce, data.title, `/watch?v=${data.videoId}`)}<body dir="ltr">
<script nonce="${nonce}">var ytInitialPlayerResponse = ${inlineJson(data.playerResponse)};var meta = document.createElement('meta'); meta.name = 'referrer'; meta.content = 'origin-when-cross-origin'; document.getElementsByTagName('head')[0].appendChild(meta);</script>
${initialDataScript(nonce, data)}
<ytd-app>${earlyNavigateFinish(nonce, data)}<div id="content" class="style-scope ytd-app"><ytd-page-manager id="page-manager" class="style-scope ytd-app">
<ytd-watch-flexy class="style-scope ytd-page-manager hide-skeleton" video-id="${data.videoId}" role="main" flexy is-two-columns_>
<div id="full-bleed-container" class="style-scope ytd-watch-flexy"><div id="player-full-bleed-container" class="style-scope ytd-watch-flexy"></div></div>
<div id="columns" class="style-scope ytd-watch-flexy"><div id="primary" class="style-scope ytd-watch-flexy"><div id="primary-inner" class="style-scope ytd-watch-flexy">
<div id="player" class="style-scope ytd-watch-flexy"><div id="player-container-outer"><div id="player-container-inner"><div id="player-container" class="ytd-player"><div id="container" class="style-scope ytd-player">
${playerMarkup('movie_player', data)}
</div></div></div></div></div>
<div id="below" class="style-scope ytd-watch-flexy"><ytd-watch-metadata class="watch-active-metadata style-scope ytd-watch-flexy" flex-menu-enabled>
<div id="title" class="style-scope ytd-watch-metadata"><h1 class="style-scope ytd-watch-metadata"><yt-formatted-string force-default-style class="style-scope ytd-watch-metadata">${text(data.title)}</yt-formatted-string></h1></div>
<div id="top-row" class="style-scope ytd-watch-metadata"><div id="owner" class="item style-scope ytd-watch-metadata"><ytd-channel-name id="channel-name"><a>${text(data.channelName)}</a></ytd-channel-name></div></div>
<div id="description" class="item style-scope ytd-watch-metadata"><ytd-text-inline-expander id="description-inline-expander"><yt-attributed-string id="description-text" class="style-scope ytd-text-inline-expander">${text(data.description)}</yt-attributed-string><tp-yt-paper-button id="expand" class="button style-scope ytd-text-inline-expander" role="button" tabindex="0">...more</tp-yt-paper-button></ytd-text-inline-expander>
<ytd-structured-description-content-renderer><ytd-video-description-transcript-section-renderer class="style-scope ytd-structured-description-content-renderer"><div id="header">Transcript</div><div id="sub-header">Follow along using the transcript.</div><div id="primary-button"><ytd-button-renderer><yt-button-shape><button class="yt-spec-button-shape-next yt-spec-button-shape-next--outline" aria-label="Show transcript" title=""><div class="yt-spec-button-shape-next__button-text-content"><span class="yt-core-attributed-string" role="text">Show transcript</span></div></button></yt-button-shape></ytd-button-renderer></div></ytd-video-description-transcript-section-renderer></ytd-structured-description-content-renderer>
</div></ytd-watch-metadata><div id="comments"></div></div>
</div></div>
<div id="secondary" class="style-scope ytd-watch-flexy"><div id="secondary-inner" class="style-scope ytd-watch-flexy"><div id="panels" class="style-scope ytd-watch-flexy"></div><div id="related" class="style-scope ytd-watch-flexy"></div></div></div>
</div></ytd-watch-flexy></ytd-page-manager></div></ytd-app>
<script nonce="${nonce}" src="/replica-static/app.js"></script>
</body></html>`;
}

export function shortsPageHtml(nonce: string, data: ReplicaPageData): string {
  return `${head(nonce, data.title, `/shorts/${data.videoId}`)}<body dir="ltr">
<script nonce="${nonce}">var ytInitialPlayerResponse = ${inlineJson(data.playerResponse)};</script>
${initialDataScript(nonce, data)}
<ytd-app>${earlyNavigateFinish(nonce, data)}<div id="content"><ytd-page-manager id="page-manager"><ytd-shorts class="style-scope ytd-page-manager"><div id="shorts-container"><ytd-reel-video-renderer is-active><div id="player-container">
${playerMarkup('shorts-player', data)}
</div></ytd-reel-video-renderer></div><div id="secondary"><div id="related"></div><div id="panels"></div></div></ytd-shorts></ytd-page-manager></div></ytd-app>
<script nonce="${nonce}" src="/replica-static/app.js"></script>
</body></html>`;
}

export function embedPageHtml(nonce: string, data: ReplicaPageData): string {
  return `${head(nonce, data.title, `/embed/${data.videoId}`)}<body dir="ltr" class="date-20261120 en_US ltr site-center-aligned site-as-giant-card webkit webkit-537">
${initialDataScript(nonce, data)}
<div id="player" style="width:100%;height:100%">${playerMarkup('movie_player', data, 'ytp-embed')}</div>
<script nonce="${nonce}" src="/replica-static/app.js"></script>
</body></html>`;
}

export function homePageHtml(nonce: string, videos: { videoId: string; title: string }[]): string {
  const links = videos.map((v) => `<ytd-rich-item-renderer><a id="thumbnail" href="/watch?v=${v.videoId}">${text(v.title)}</a> <span class="replica-id">${v.videoId}</span></ytd-rich-item-renderer>`).join('\n');
  return `${head(nonce, 'YouTube', '/')}<body dir="ltr">
<script nonce="${nonce}">window.__replicaInitialData = ${inlineJson({ pageType: 'browse' })};</script>
<ytd-app><div id="content"><ytd-page-manager id="page-manager"><ytd-browse page-subtype="home"><h2>Replica episodes</h2><div id="contents">${links}</div></ytd-browse></ytd-page-manager></div></ytd-app>
<script nonce="${nonce}" src="/replica-static/app.js"></script>
</body></html>`;
}
