// An Application Insights standard availability test of /api/health/ready: it fails when the instance cannot reach
// its blob cache or has lost its pinned contexts, not only when the process is down (/api/health is liveness only).
param name string
param location string
param tags object
param applicationInsightsName string
param hostName string

resource insights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource readiness 'Microsoft.Insights/webtests@2022-06-15' = {
  name: name
  location: location
  // The portal lists a web test under the component it is linked to by this tag.
  tags: union(tags, { 'hidden-link:${insights.id}': 'Resource' })
  kind: 'standard'
  properties: {
    SyntheticMonitorId: name
    Name: 'verifier readiness'
    Description: 'GET /api/health/ready from three regions every 5 minutes; 200 only when every dependency is ready.'
    Enabled: true
    Kind: 'standard'
    Frequency: 300
    Timeout: 30
    RetryEnabled: true
    Locations: [
      { Id: 'us-va-ash-azr' }
      { Id: 'emea-nl-ams-azr' }
      { Id: 'apac-sg-sin-azr' }
    ]
    Request: {
      RequestUrl: 'https://${hostName}/api/health/ready'
      HttpVerb: 'GET'
      ParseDependentRequests: false
    }
    ValidationRules: {
      ExpectedHttpStatusCode: 200
      SSLCheck: true
      SSLCertRemainingLifetimeCheck: 7
    }
  }
}

output name string = readiness.name
