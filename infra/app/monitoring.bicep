// Log Analytics + Application Insights with local (key) auth off: telemetry is published by the managed identity.
param logAnalyticsName string
param applicationInsightsName string
param location string
param tags object

resource logs 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
    features: {
      disableLocalAuth: true
    }
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableLocalAuth: true
  }
}

output applicationInsightsName string = insights.name
output connectionString string = insights.properties.ConnectionString
